#pragma once
// One owning handle for every C library's objects (HarfBuzz, fontconfig,
// ICU, Little CMS, libc): the object is destroyed with the library's own
// function when the handle goes, on every path out.
#include <memory>

namespace core {

template <typename T, auto Destroy>
struct DestroyWith {
  void operator()(T* p) const { Destroy(p); }  // std::unique_ptr never passes null
};

// core::Handle<hb_face_t, hb_face_destroy> face(hb_face_create(blob, 0));
template <typename T, auto Destroy>
using Handle = std::unique_ptr<T, DestroyWith<T, Destroy>>;

}  // namespace core
