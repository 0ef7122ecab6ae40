module.exports = {
  displayName: 'web-territory-feature-home',
  preset: '../../../../jest.angular.preset.js',
  coverageDirectory: '../../../../coverage/libs/web/territory/feature-home',
};
