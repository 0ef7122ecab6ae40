module.exports = {
  displayName: 'web-backoffice-feature-publications',
  preset: '../../../../jest.angular.preset.js',
  coverageDirectory: '../../../../coverage/libs/web/backoffice/feature-publications',
};
