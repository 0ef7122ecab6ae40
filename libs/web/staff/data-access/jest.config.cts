module.exports = {
  displayName: 'web-backoffice-data-access',
  preset: '../../../../jest.angular.preset.js',
  coverageDirectory: '../../../../coverage/libs/web/backoffice/data-access',
};
