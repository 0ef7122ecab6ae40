module.exports = {
  displayName: 'web-threads-feature-inbox-settings',
  preset: '../../../../jest.angular.preset.js',
  coverageDirectory: '../../../../coverage/libs/web/threads/feature-inbox-settings',
};
