module.exports = {
  displayName: 'web-backoffice-feature-administration',
  preset: '../../../../jest.angular.preset.js',
  coverageDirectory: '../../../../coverage/libs/web/backoffice/feature-administration',
};
