module.exports = {
  displayName: 'web-shared-ui-map',
  preset: '../../../../jest.angular.preset.js',
  coverageDirectory: '../../../../coverage/libs/web/shared/ui-map',
};
