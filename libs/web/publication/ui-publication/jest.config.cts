module.exports = {
  displayName: 'web-publication-ui-publication',
  preset: '../../../../jest.angular.preset.js',
  coverageDirectory: '../../../../coverage/libs/web/publication/ui-publication',
};
