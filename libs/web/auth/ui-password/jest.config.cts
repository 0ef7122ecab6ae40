module.exports = {
  displayName: 'web-auth-ui-password',
  preset: '../../../../jest.angular.preset.js',
  coverageDirectory: '../../../../coverage/libs/web/auth/ui-password',
};
