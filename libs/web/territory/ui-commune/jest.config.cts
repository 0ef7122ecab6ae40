module.exports = {
  displayName: 'web-territory-ui-commune',
  preset: '../../../../jest.angular.preset.js',
  coverageDirectory: '../../../../coverage/libs/web/territory/ui-commune',
};
