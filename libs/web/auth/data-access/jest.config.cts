module.exports = {
  displayName: 'web-auth-data-access',
  preset: '../../../../jest.angular.preset.js',
  coverageDirectory: '../../../../coverage/libs/web/auth/data-access',
};
