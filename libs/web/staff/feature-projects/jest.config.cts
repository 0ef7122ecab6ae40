module.exports = {
  displayName: 'web-staff-feature-projects',
  preset: '../../../../jest.angular.preset.js',
  coverageDirectory: '../../../../coverage/libs/web/staff/feature-projects',
};
