module.exports = {
  displayName: 'web-threads-ui-thread',
  preset: '../../../../jest.angular.preset.js',
  coverageDirectory: '../../../../coverage/libs/web/threads/ui-thread',
};
