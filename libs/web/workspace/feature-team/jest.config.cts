module.exports = {
  displayName: 'web-workspace-feature-team',
  preset: '../../../../jest.angular.preset.js',
  coverageDirectory: '../../../../coverage/libs/web/workspace/feature-team',
};
