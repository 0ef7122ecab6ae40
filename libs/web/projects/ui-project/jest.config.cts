module.exports = {
  displayName: 'web-projects-ui-project',
  preset: '../../../../jest.angular.preset.js',
  coverageDirectory: '../../../../coverage/libs/web/projects/ui-project',
};
