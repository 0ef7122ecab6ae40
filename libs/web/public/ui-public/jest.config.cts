module.exports = {
  displayName: 'web-public-ui-public',
  preset: '../../../../jest.angular.preset.js',
  coverageDirectory: '../../../../coverage/libs/web/public/ui-public',
};
