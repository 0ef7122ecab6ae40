module.exports = {
  displayName: 'web-projects-feature-edit',
  preset: '../../../../jest.angular.preset.js',
  coverageDirectory: '../../../../coverage/libs/web/projects/feature-edit',
};
