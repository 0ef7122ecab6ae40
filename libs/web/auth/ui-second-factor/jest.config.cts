module.exports = {
  displayName: 'web-auth-ui-second-factor',
  preset: '../../../../jest.angular.preset.js',
  coverageDirectory: '../../../../coverage/libs/web/auth/ui-second-factor',
};
