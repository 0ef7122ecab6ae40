module.exports = {
  displayName: 'web-territory-data-access',
  preset: '../../../../jest.angular.preset.js',
  coverageDirectory: '../../../../coverage/libs/web/territory/data-access',
};
