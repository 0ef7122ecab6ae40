module.exports = {
  displayName: 'web-simulator-data-access',
  preset: '../../../../jest.angular.preset.js',
  coverageDirectory: '../../../../coverage/libs/web/simulator/data-access',
};
