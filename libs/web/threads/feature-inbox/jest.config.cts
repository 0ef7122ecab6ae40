module.exports = {
  displayName: 'web-threads-feature-inbox',
  preset: '../../../../jest.angular.preset.js',
  coverageDirectory: '../../../../coverage/libs/web/threads/feature-inbox',
};
