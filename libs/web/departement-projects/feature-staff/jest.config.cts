module.exports = {
  displayName: 'web-departement-projects-feature-staff',
  preset: '../../../../jest.angular.preset.js',
  coverageDirectory: '../../../../coverage/libs/web/departement-projects/feature-staff',
};
