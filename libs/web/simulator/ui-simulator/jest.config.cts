module.exports = {
  displayName: 'web-simulator-ui-simulator',
  preset: '../../../../jest.angular.preset.js',
  coverageDirectory: '../../../../coverage/libs/web/simulator/ui-simulator',
};
