module.exports = {
  displayName: 'web-indicators-ui-indicators',
  preset: '../../../../jest.angular.preset.js',
  coverageDirectory: '../../../../coverage/libs/web/indicators/ui-indicators',
};
