module.exports = {
  displayName: 'web-threads-feature-staff-thread',
  preset: '../../../../jest.angular.preset.js',
  coverageDirectory: '../../../../coverage/libs/web/threads/feature-staff-thread',
};
