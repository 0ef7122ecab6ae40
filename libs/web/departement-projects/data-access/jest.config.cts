module.exports = {
  displayName: 'web-departement-projects-data-access',
  preset: '../../../../jest.angular.preset.js',
  coverageDirectory: '../../../../coverage/libs/web/departement-projects/data-access',
};
