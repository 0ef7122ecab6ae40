module.exports = {
  displayName: 'web-indicators-data-access',
  preset: '../../../../jest.angular.preset.js',
  coverageDirectory: '../../../../coverage/libs/web/indicators/data-access',
};
