module.exports = {
  displayName: 'web-publication-data-access',
  preset: '../../../../jest.angular.preset.js',
  coverageDirectory: '../../../../coverage/libs/web/publication/data-access',
};
