// The loader's side of remote_module.h: boothdeck-remote.so opened on first use, kept open.
#include "app/remote/remote_module.h"

#include "render/optional_module.h"

namespace boothdeck {

const RemoteModule* remote_module(std::string* error) {
  using Entry = const RemoteModule*();
  Entry* entry = optional_function<Entry>(Module::Remote, "boothdeck_remote_module", error);
  return entry ? entry() : nullptr;
}

}  // namespace boothdeck
