module.exports = {
  displayName: 'web-workspace-ui-team',
  preset: '../../../../jest.angular.preset.js',
  coverageDirectory: '../../../../coverage/libs/web/workspace/ui-team',
};
