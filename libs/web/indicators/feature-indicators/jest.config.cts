module.exports = {
  displayName: 'web-indicators-feature-indicators',
  preset: '../../../../jest.angular.preset.js',
  coverageDirectory: '../../../../coverage/libs/web/indicators/feature-indicators',
};
