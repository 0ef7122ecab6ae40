module.exports = {
  displayName: 'web-staff-feature-administration',
  preset: '../../../../jest.angular.preset.js',
  coverageDirectory: '../../../../coverage/libs/web/staff/feature-administration',
};
