module.exports = {
  displayName: 'web-staff-data-access',
  preset: '../../../../jest.angular.preset.js',
  coverageDirectory: '../../../../coverage/libs/web/staff/data-access',
};
