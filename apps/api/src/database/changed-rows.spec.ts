import { changedRows } from './changed-rows';

describe(changedRows.name, () => {
  it('unwraps the [rows, count] answer TypeORM gives for UPDATE and DELETE', async () => {
    const manager = { query: jest.fn().mockResolvedValue([[{ id: 'a' }], 1]) };
    await expect(changedRows(manager, 'UPDATE …', [])).resolves.toEqual([{ id: 'a' }]);
    manager.query.mockResolvedValue([[], 0]);
    await expect(changedRows(manager, 'UPDATE …', [])).resolves.toEqual([]);
  });

  it('passes plain rows through', async () => {
    const manager = { query: jest.fn().mockResolvedValue([{ id: 'a' }, { id: 'b' }]) };
    await expect(changedRows(manager, 'INSERT …', [])).resolves.toEqual([{ id: 'a' }, { id: 'b' }]);
  });
});
