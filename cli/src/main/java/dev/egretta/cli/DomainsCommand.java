package dev.egretta.cli;

import dev.egretta.api.Category;
import dev.egretta.api.Domain;
import dev.egretta.core.Engine;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code egretta domains}: the domains and categories the index holds for the organisation. */
@Command(name = "domains", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"List the domains and their categories that can be queried (public library and the "
        + "organisation's own documents).",
        "--json prints [{\"slug\", \"name\", \"categories\": [{\"code\", \"name\"}]}]."})
final class DomainsCommand implements Callable<Integer> {
  @Mixin IndexOption index;
  @Mixin OrgOption org;
  @Mixin JsonOption json;

  private final Context context;

  DomainsCommand(Context context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    try (OpenEngine open = OpenEngine.openReadOnly(context, index, new GeneratorOptions(), new S3Options(), false)) {
      Engine engine = open.engine();
      List<Map<String, Object>> listing = new ArrayList<>();
      Table table = Table.of("domain", "name", "category", "category name");
      for (Domain d : engine.domains(org.org)) {
        List<Category> categories = engine.categories(org.org, d.slug());
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("slug", d.slug());
        entry.put("name", d.name());
        entry.put("categories", categories);
        listing.add(entry);
        for (Category c : categories) {
          table.row(d.slug(), d.name(), c.code(), c.name());
        }
      }
      if (json.json) {
        context.printJson(listing);
      } else if (table.isEmpty()) {
        context.println("The index holds no documents yet: add some with 'egretta index <folder>'.");
      } else {
        context.print(table.render());
        context.out().flush();
      }
    }
    return Egretta.OK;
  }
}
