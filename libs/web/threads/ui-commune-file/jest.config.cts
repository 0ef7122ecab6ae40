module.exports = {
  displayName: 'web-threads-ui-commune-file',
  preset: '../../../../jest.angular.preset.js',
  coverageDirectory: '../../../../coverage/libs/web/threads/ui-commune-file',
};
