module.exports = {
  displayName: 'web-shared-util-download',
  preset: '../../../../jest.angular.preset.js',
  coverageDirectory: '../../../../coverage/libs/web/shared/util-download',
};
