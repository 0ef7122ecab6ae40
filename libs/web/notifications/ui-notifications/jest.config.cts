module.exports = {
  displayName: 'web-notifications-ui-notifications',
  preset: '../../../../jest.angular.preset.js',
  coverageDirectory: '../../../../coverage/libs/web/notifications/ui-notifications',
};
