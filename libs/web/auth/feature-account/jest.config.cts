module.exports = {
  displayName: 'web-auth-feature-account',
  preset: '../../../../jest.angular.preset.js',
  coverageDirectory: '../../../../coverage/libs/web/auth/feature-account',
};
