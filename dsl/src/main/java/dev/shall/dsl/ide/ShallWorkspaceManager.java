package dev.shall.dsl.ide;

import java.io.File;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.emf.common.util.URI;
import org.eclipse.xtext.ide.server.BuildManager.Buildable;
import org.eclipse.xtext.ide.server.WorkspaceManager;
import org.eclipse.xtext.util.IAcceptor;
import org.eclipse.xtext.util.IFileSystemScanner;

/**
 * Xtext's workspace, without the files on disk over {@link DocumentSizeLimit}: they are not built
 * (see there why), at start-up, when they change on disk or when their editor closes. A large
 * file open in an editor is checked for syntax by {@link SyntaxOnlyChecker}. The size on disk is
 * measured in bytes, which are at least as many as the characters of a UTF-8 file.
 */
public class ShallWorkspaceManager extends WorkspaceManager {

	@Override
	public Buildable didChangeFiles(List<URI> dirtyFiles, List<URI> deletedFiles) {
		List<URI> dirty = new ArrayList<>();
		List<URI> deleted = new ArrayList<>(deletedFiles);
		for (URI uri : dirtyFiles) {
			(isDocumentOpen(uri) || !isLargeOnDisk(uri) ? dirty : deleted).add(uri);
		}
		return super.didChangeFiles(dirty, deleted);
	}

	/** Whether the URI is a file on disk over the size limit. */
	static boolean isLargeOnDisk(URI uri) {
		return uri.isFile() && DocumentSizeLimit.exceeds(new File(uri.toFileString()).length());
	}

	/** Xtext's scan of the workspace folders at start-up, leaving out the files over the size limit. */
	public static class FileSystemScanner extends IFileSystemScanner.JavaIoFileSystemScanner {

		@Override
		public void scan(URI root, IAcceptor<URI> acceptor) {
			super.scan(root, uri -> {
				if (!isLargeOnDisk(uri)) {
					acceptor.accept(uri);
				}
			});
		}
	}
}
