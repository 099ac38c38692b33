import { Migration } from '@mikro-orm/migrations';

export class Migration20261123091408 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "clause" add column "tree_order" int not null default 0;`);
    this.addSql(`create index "clause_document_id_tree_order_index" on "clause" ("document_id", "tree_order");`);
    // Reviewed addition: number the clauses already stored in printed (depth-first) order.
    this.addSql(`with recursive walk(id, document_id, sort_key) as (
        select id, document_id, array[position] from clause where parent_id is null
        union all
        select c.id, c.document_id, walk.sort_key || c.position from clause c join walk on c.parent_id = walk.id
      )
      update clause set tree_order = ordered.n - 1
        from (select id, row_number() over (partition by document_id order by sort_key) as n from walk) ordered
       where clause.id = ordered.id;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "clause_document_id_tree_order_index";`);
    this.addSql(`alter table "clause" drop column "tree_order";`);
  }

}
