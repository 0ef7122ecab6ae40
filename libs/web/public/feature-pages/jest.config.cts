module.exports = {
  displayName: 'web-public-feature-pages',
  preset: '../../../../jest.angular.preset.js',
  coverageDirectory: '../../../../coverage/libs/web/public/feature-pages',
};
