module.exports = {
  displayName: 'web-backoffice-feature-projects',
  preset: '../../../../jest.angular.preset.js',
  coverageDirectory: '../../../../coverage/libs/web/backoffice/feature-projects',
};
