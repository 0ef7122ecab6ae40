module.exports = {
  displayName: 'web-projects-data-access',
  preset: '../../../../jest.angular.preset.js',
  coverageDirectory: '../../../../coverage/libs/web/projects/data-access',
};
