module.exports = {
  displayName: 'web-public-feature-home',
  preset: '../../../../jest.angular.preset.js',
  coverageDirectory: '../../../../coverage/libs/web/public/feature-home',
};
