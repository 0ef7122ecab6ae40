module.exports = {
  displayName: 'web-threads-data-access',
  preset: '../../../../jest.angular.preset.js',
  coverageDirectory: '../../../../coverage/libs/web/threads/data-access',
};
