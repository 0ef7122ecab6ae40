module.exports = {
  displayName: 'web-notifications-data-access',
  preset: '../../../../jest.angular.preset.js',
  coverageDirectory: '../../../../coverage/libs/web/notifications/data-access',
};
