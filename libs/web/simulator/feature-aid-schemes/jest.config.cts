module.exports = {
  displayName: 'web-simulator-feature-aid-schemes',
  preset: '../../../../jest.angular.preset.js',
  coverageDirectory: '../../../../coverage/libs/web/simulator/feature-aid-schemes',
};
