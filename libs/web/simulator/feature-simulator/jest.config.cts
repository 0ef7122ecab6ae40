module.exports = {
  displayName: 'web-simulator-feature-simulator',
  preset: '../../../../jest.angular.preset.js',
  coverageDirectory: '../../../../coverage/libs/web/simulator/feature-simulator',
};
