module.exports = {
  displayName: 'web-live-data-access',
  preset: '../../../../jest.angular.preset.js',
  coverageDirectory: '../../../../coverage/libs/web/live/data-access',
};
