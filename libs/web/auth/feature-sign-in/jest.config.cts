module.exports = {
  displayName: 'web-auth-feature-sign-in',
  preset: '../../../../jest.angular.preset.js',
  coverageDirectory: '../../../../coverage/libs/web/auth/feature-sign-in',
};
