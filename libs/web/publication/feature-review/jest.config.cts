module.exports = {
  displayName: 'web-publication-feature-review',
  preset: '../../../../jest.angular.preset.js',
  coverageDirectory: '../../../../coverage/libs/web/publication/feature-review',
};
