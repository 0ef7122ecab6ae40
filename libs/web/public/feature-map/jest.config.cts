module.exports = {
  displayName: 'web-public-feature-map',
  preset: '../../../../jest.angular.preset.js',
  coverageDirectory: '../../../../coverage/libs/web/public/feature-map',
};
