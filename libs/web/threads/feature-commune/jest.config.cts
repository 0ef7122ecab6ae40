module.exports = {
  displayName: 'web-threads-feature-commune',
  preset: '../../../../jest.angular.preset.js',
  coverageDirectory: '../../../../coverage/libs/web/threads/feature-commune',
};
