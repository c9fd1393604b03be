//! Reading a workspace file with bounds: only a regular file, and never more than
//! [`MAX_FILE_BYTES`], so a path to a device, a named pipe or a huge file is refused
//! with a reason instead of blocking or filling memory.

use std::{
    fs::{self, File},
    io::{self, Read},
    path::Path,
};

use super::error::StoreError;

/// The largest workspace file Smallprint reads: 64 MB. A shop with 10,000 requests
/// writes about 11 MB; anything larger is not a workspace Smallprint wrote.
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// A UTF-8 byte-order mark, as Notepad writes at the start of a file.
pub const BOM: &[u8] = b"\xEF\xBB\xBF";

/// What a path that is not a regular file is, in words.
fn kind_of(file_type: fs::FileType) -> &'static str {
    if file_type.is_dir() {
        return "a folder";
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if file_type.is_fifo() {
            return "a named pipe";
        }
        if file_type.is_char_device() || file_type.is_block_device() {
            return "a device";
        }
        if file_type.is_socket() {
            return "a socket";
        }
    }
    "not a regular file"
}

/// Refuses a path that holds something other than a regular file (a folder, a named
/// pipe, a device, a socket) without opening it; an absent path is fine.
pub fn check_kind(path: &Path) -> Result<(), StoreError> {
    match fs::metadata(path) {
        Ok(metadata) if !metadata.is_file() => Err(StoreError::NotAFile {
            path: path.to_owned(),
            kind: kind_of(metadata.file_type()),
        }),
        _ => Ok(()),
    }
}

/// Reads the file at `path` (symlinks followed), or `Ok(None)` when there is none.
///
/// The type and size are checked before the file is opened (opening a named pipe
/// would wait for a writer), then again on the open file, and at most one byte more
/// than the limit is read, so a file that grows or lies about its size is still
/// bounded.
pub fn read_if_present(path: &Path) -> Result<Option<Vec<u8>>, StoreError> {
    let read_error = |source| StoreError::Read {
        path: path.to_owned(),
        source,
    };
    let check = |metadata: &fs::Metadata| {
        if !metadata.is_file() {
            return Err(StoreError::NotAFile {
                path: path.to_owned(),
                kind: kind_of(metadata.file_type()),
            });
        }
        if metadata.len() > MAX_FILE_BYTES {
            return Err(too_large(path));
        }
        Ok(())
    };
    match fs::metadata(path) {
        Ok(metadata) => check(&metadata)?,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(read_error(e)),
    }
    let file = match File::open(path) {
        Ok(file) => file,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(read_error(e)),
    };
    check(&file.metadata().map_err(read_error)?)?;
    let mut bytes = Vec::new();
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(read_error)?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(too_large(path));
    }
    Ok(Some(bytes))
}

/// Reads the file at `path`; a missing file is an error.
pub fn read(path: &Path) -> Result<Vec<u8>, StoreError> {
    read_if_present(path)?.ok_or_else(|| StoreError::Read {
        path: path.to_owned(),
        source: io::Error::from(io::ErrorKind::NotFound),
    })
}

fn too_large(path: &Path) -> StoreError {
    StoreError::TooLarge {
        path: path.to_owned(),
        limit_mb: MAX_FILE_BYTES / (1024 * 1024),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_folder_is_refused_and_a_missing_file_is_none() {
        let dir = tempfile::tempdir().expect("tempdir");
        assert!(matches!(
            read_if_present(dir.path()),
            Err(StoreError::NotAFile {
                kind: "a folder",
                ..
            })
        ));
        assert!(matches!(
            read_if_present(&dir.path().join("none.json")),
            Ok(None)
        ));
    }

    #[test]
    fn a_file_over_the_limit_is_refused_before_it_is_read() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("big.json");
        let file = File::create(&path).expect("create");
        // Sparse: the size is set without writing 64 MB.
        file.set_len(MAX_FILE_BYTES + 1).expect("set_len");
        assert!(matches!(read(&path), Err(StoreError::TooLarge { .. })));
        file.set_len(3).expect("set_len");
        assert_eq!(read(&path).expect("small file").len(), 3);
    }
}
